namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>A ClCompile item's precompiled header settings as MSBuild's Visual C++ targets read them.</summary>
internal static class PrecompiledHeaderSetting
{
    /// <summary>
    /// The header a unit uses: PrecompiledHeader "Use" (cl /Yu) with PrecompiledHeaderFile, which Microsoft.Cl.Common.props
    /// defaults to stdafx.h. "Create" (/Yc, the stdafx.cpp that builds it), "NotUsing" and no setting use none.
    /// </summary>
    public static string? UsedHeader(string? mode, string? file) =>
        string.Equals(mode?.Trim(), "Use", StringComparison.OrdinalIgnoreCase)
            ? file?.Trim() is { Length: > 0 } named ? named : "stdafx.h"
            : null;
}
