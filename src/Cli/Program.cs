using IisModuleValidator.Cli;

return CommandLine.Invoke(CliApplication.CreateRoot(), args);
