using Magnesia.Cli;

MagnesiaCli.WarmUp(args);
return await MagnesiaCli.RunAsync(args, Console.Out, Console.Error, Console.In, inputIsTerminal: !Console.IsInputRedirected, isTerminal: !Console.IsOutputRedirected);
