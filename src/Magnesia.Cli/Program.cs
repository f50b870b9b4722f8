using Magnesia.Cli;

// A command that prints JSON starts the serializer's set-up first, on another core, while it parses and reads.
if (args.Contains("--json"))
    Magnesia.Data.Contracts.ContractsJson.WarmUpInBackground();
return await MagnesiaCli.RunAsync(args, Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);
