namespace IisModuleValidator.Analysis;

/// <summary>How far a run is: inputs finished out of all, and the one just started or finished.</summary>
public sealed record InputProgress(int Done, int Total, string Current);
