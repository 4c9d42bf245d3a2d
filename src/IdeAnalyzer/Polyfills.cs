// What netstandard2.0 lacks for the C# the shared sources are written in: init-only setters (records).
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
