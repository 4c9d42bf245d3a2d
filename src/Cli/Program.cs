using System.Runtime.InteropServices;
using IisModuleValidator.Cli;
using IisModuleValidator.FrontEnds.Cpp.Parsing;
using IisModuleValidator.FrontEnds.Cpp.Projects;

// Reports, logs and the workers' requests are UTF-8 on every platform; Windows would use the console's OEM code page.
IisModuleValidator.Io.ConsoleText.UseUtf8();

// The hidden verbs of the worker processes the validator starts itself: C++ parse workers, one per core...
if (args is [ParseWorker.Verb])
{
    return ParseWorker.Run(Console.In, Console.Out);
}
// And the one that evaluates projects with MSBuild, with a budget and a scrubbed environment.
if (args is [ProjectEvaluationWorker.Verb])
{
    return ProjectEvaluationWorker.Run(Console.In, Console.Out);
}
// Ctrl+C or a pipeline's SIGTERM ends the run through the exit handlers, which stop the parse workers and remove the
// scratch folders; the default action would end the process without them. 128 + the signal, as shells report it.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => EndOn(context, 130));
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => EndOn(context, 143));
return CommandLine.Invoke(CliApplication.CreateRoot(), args);

static void EndOn(PosixSignalContext context, int exitCode)
{
    context.Cancel = true;
    Environment.Exit(exitCode);
}
