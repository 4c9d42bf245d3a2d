namespace IisModuleValidator.FrontEnds.Binary;

/// <summary>The file is not a PE image, or its structures point outside the file. The message says why.</summary>
public sealed class MalformedImageException(string reason) : Exception(reason);
