using IisModuleValidator.Analysis;

namespace IisModuleValidator.Reporting;

/// <summary>Formats a report. Reporters add nothing of their own: same report, same text.</summary>
public interface IReporter
{
    void Write(AnalysisReport report, TextWriter output);
}
