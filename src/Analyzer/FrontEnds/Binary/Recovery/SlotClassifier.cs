using System.Text.RegularExpressions;

namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// Tells a base-class default handler from an override: the defaults in httpserv.h call DebugBreak through the
/// import table (directly or through a thunk) after OutputDebugStringA(__FUNCTION__), whose string names the method:
/// "CHttpModule::OnBeginRequest" from MSVC and clang-cl, the bare "OnBeginRequest" from g++ (only On* handlers break).
/// </summary>
internal sealed partial class SlotClassifier(PeImage image) : ICodeObserver
{
    [GeneratedRegex(@"\b(CHttpModule|CGlobalModule)::(\w+)|^()(On\w+)$")]
    private static partial Regex FunctionName();

    private bool _callsDebugBreak;
    private string? _name;

    public (bool IsDefault, string? NameFromString) Classify(uint functionRva)
    {
        _callsDebugBreak = false;
        _name = null;
        var interpreter = CodeInterpreter.For(image, this);
        interpreter.Run(functionRva, interpreter.EntryState(5, isMember: true));
        return (_callsDebugBreak, _name);
    }

    public CallOutcome OnCall(CallSite call)
    {
        if (call.Target is not ImportedFunction(var name))
        {
            return new CallOutcome();
        }
        if (name.EndsWith("!DebugBreak", StringComparison.OrdinalIgnoreCase))
        {
            _callsDebugBreak = true;
            return new CallOutcome(EndsPath: true);
        }
        if (name.EndsWith("!OutputDebugStringA", StringComparison.OrdinalIgnoreCase)
            && call.Arguments[0] is ImageAddress(var text) && image.ReadAnsiString(text) is { } message
            && FunctionName().Match(message) is { Success: true } match)
        {
            _name ??= match.Groups[2].Success ? match.Groups[2].Value : match.Groups[4].Value;
        }
        return new CallOutcome(PoppedBytes: name.EndsWith("!OutputDebugStringA", StringComparison.OrdinalIgnoreCase) ? 4 : null);
    }

    public void OnStore(uint rva, SymbolicValue address, SymbolicValue value, MachineState state)
    {
    }
}
