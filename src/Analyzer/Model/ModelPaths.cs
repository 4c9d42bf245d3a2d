namespace IisModuleValidator.Model;

/// <summary>Moving a model's places to other files: a byte-identical copy of a DLL, a CMake template's expansion.</summary>
public static class ModelPaths
{
    /// <summary>The model of a byte-identical copy of the binary at <see cref="ModuleModel.InputPath"/>.</summary>
    public static ModuleModel WithInputPath(this ModuleModel model, string path) =>
        model.WithFilesMoved(file => file == model.InputPath ? path : file) with { InputPath = path };

    /// <summary>
    /// The model with every place in a file that <paramref name="move"/> maps put in the file it maps to. Lines stay;
    /// text spans in a moved file are dropped, as its columns need not be the other file's (a template's @VAR@).
    /// </summary>
    public static ModuleModel WithFilesMoved(this ModuleModel model, Func<string, string> move)
    {
        SourceLocation Move(SourceLocation location) => location.InFileMoved(move);
        SourceSpan? Keep(SourceSpan? span) => span is null || move(span.FilePath) != span.FilePath ? null : span;
        return model with
        {
            Registrations = [.. model.Registrations.Select(r => r with { Location = Move(r.Location), MaskSpan = Keep(r.MaskSpan), PostMaskSpan = Keep(r.PostMaskSpan) })],
            Priorities = [.. model.Priorities.Select(p => p with { Location = Move(p.Location) })],
            Classes = [.. model.Classes.Select(c => c with
            {
                Location = Move(c.Location),
                Handlers = [.. c.Handlers.Select(h => h with
                {
                    Location = Move(h.Location),
                    DeclaratorSpan = Keep(h.DeclaratorSpan),
                    DefinitionDeclaratorSpan = Keep(h.DefinitionDeclaratorSpan),
                    Returns = [.. h.Returns.Select(r => r with { Location = Move(r.Location) })],
                })],
            })],
            EntryPoints = [.. model.EntryPoints.Select(e => e with { Location = Move(e.Location) })],
            CompletionCalls = [.. model.CompletionCalls.Select(Move)],
            Exports = [.. model.Exports.Select(e => e with { Location = Move(e.Location) })],
        };
    }

    /// <summary>The place in the file <paramref name="move"/> maps its file to (itself where it maps it to the same).</summary>
    public static SourceLocation InFileMoved(this SourceLocation location, Func<string, string> move) =>
        move(location.FilePath) is var moved && moved != location.FilePath ? location with { FilePath = moved } : location;
}
