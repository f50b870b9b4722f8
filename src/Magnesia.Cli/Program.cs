using Magnesia.Cli;

MagnesiaCli.WarmUp(args);
return await MagnesiaCli.RunAsync(args, Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);
