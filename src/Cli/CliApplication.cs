using System.CommandLine;

namespace IisModuleValidator.Cli;

/// <summary>The command tree of iis-module-validator (tests run it in-process).</summary>
public static class CliApplication
{
    public static RootCommand CreateRoot() =>
        new("IIS Module Validator: checks IIS native modules (DLLs, C++ and C# sources and projects, IIS configurations) against the IIS module contract.")
        {
            CheckCommand.Create(),
            InspectCommand.Create(),
            ListRulesCommand.Create(),
            SetupCommand.Create(),
        };
}
