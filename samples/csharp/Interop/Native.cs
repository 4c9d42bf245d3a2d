// Memory for hand-built vtables and objects, which IIS holds on to for the life of the worker process.
using System.Runtime.InteropServices;

namespace IisModules.Interop;

public static unsafe class Native
{
    public static T* Allocate<T>() where T : unmanaged => (T*)NativeMemory.AllocZeroed((nuint)sizeof(T));
}
