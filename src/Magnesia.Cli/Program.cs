using Magnesia.Cli;

return await MagnesiaCli.RunAsync(args, Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);
