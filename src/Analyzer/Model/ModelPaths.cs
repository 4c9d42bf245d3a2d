namespace IisModuleValidator.Model;

/// <summary>Moving a binary's model to another path: a byte-identical copy of a DLL has the same facts.</summary>
public static class ModelPaths
{
    public static ModuleModel WithInputPath(this ModuleModel model, string path)
    {
        SourceLocation Move(SourceLocation location) => location.FilePath == model.InputPath ? location with { FilePath = path } : location;
        return model with
        {
            InputPath = path,
            Registrations = [.. model.Registrations.Select(r => r with { Location = Move(r.Location) })],
            Priorities = [.. model.Priorities.Select(p => p with { Location = Move(p.Location) })],
            Classes = [.. model.Classes.Select(c => c with
            {
                Location = Move(c.Location),
                Handlers = [.. c.Handlers.Select(h => h with { Location = Move(h.Location) })],
            })],
        };
    }
}
