// Only in a UNIX configuration, which an IIS module never has: not parsed.
#error this file is not part of the Windows build
