using System.Runtime.InteropServices;
using Magnesia.Cli;

// Ctrl-C (SIGINT) or SIGTERM: say so at once and end as the signal would (exit 130 / 143). Every write is one
// transaction and first use is journalled, so an interrupted command leaves the store as before (tests: Crash/).
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupted);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupted);

MagnesiaCli.WarmUp(args);
return await MagnesiaCli.RunAsync(args, Console.Out, Console.Error, Console.In, inputIsTerminal: !Console.IsInputRedirected, isTerminal: !Console.IsOutputRedirected);

static void Interrupted(PosixSignalContext context)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine("magnesia: interrupted; nothing was changed");
    Console.Error.Flush();
    context.Cancel = false; // the default action: the process ends by the signal
}
