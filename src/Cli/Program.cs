using IisModuleValidator.Cli;
using IisModuleValidator.FrontEnds.Cpp.Parsing;

// The hidden verb that runs a C++ parse worker: the validator starts these itself, one per core.
if (args is [ParseWorker.Verb])
{
    return ParseWorker.Run(Console.In, Console.Out);
}
return CommandLine.Invoke(CliApplication.CreateRoot(), args);
