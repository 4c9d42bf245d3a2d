using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.ReturnValue;

/// <summary>
/// The shared check of IISM3001 and IISM3002: every return of a handler of one base class must be a value of
/// that class's status enum, not a constant outside it nor a value converted from another type.
/// </summary>
public abstract class StatusReturnRule : Rule
{
    protected abstract ModuleBase Base { get; }

    protected abstract string StatusType { get; }

    protected abstract IReadOnlyList<EnumConstant> ValidValues { get; }

    public sealed override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        var layout = Base == ModuleBase.HttpModule ? IisContract.CHttpModule : IisContract.CGlobalModule;
        foreach (var moduleClass in model.Classes.Where(c => c.Base == Base))
        {
            foreach (var handler in moduleClass.Handlers.Where(h => layout.Find(h.Name)?.ReturnType == StatusType))
            {
                foreach (var site in handler.Returns)
                {
                    if (Problem(site) is { } problem)
                    {
                        yield return Report(model, context, site.Location, $"{moduleClass.Name}:{handler.Name}:{site.Expression}",
                            $"{moduleClass.Name}::{handler.Name}", site.Expression, problem);
                    }
                }
            }
        }
    }

    private string? Problem(ReturnSite site)
    {
        var valid = string.Join(", ", ValidValues.Select(value => value.Name));
        if (site.Value is { } value && ValidValues.All(constant => constant.Value != value))
        {
            return $"its value {value} is not a {StatusType} ({valid})";
        }
        // A computed value is only known wrong when it is an HRESULT ('long'); an int or DWORD the code computes may
        // well hold a status, and in a file with errors an unknown type reads as int.
        if (site.ConvertedFrom is "long" && site.Value is null)
        {
            var from = site.ConvertedFrom;
            return $"it converts a {from} to {StatusType}; return one of {valid}";
        }
        if (site.ConvertedFrom is { } other && other.Contains("NOTIFICATION_STATUS", StringComparison.Ordinal))
        {
            return $"it is a {other} value cast to {StatusType}; return one of {valid}";
        }
        return null;
    }
}
