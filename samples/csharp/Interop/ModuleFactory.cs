// The IHttpModuleFactory of the sample modules: every GetHttpModule gives the request a new module object that uses
// the module vtable the factory was created with.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IisModules.Interop;

public static unsafe class ModuleFactory
{
    private const int E_OUTOFMEMORY = unchecked((int)0x8007000E);

    private struct FactoryObject
    {
        public IHttpModuleFactory Base;
        public CHttpModule.Vtbl* ModuleVtbl;
    }

    /// <summary>Allocates a factory; may throw OutOfMemoryException (call it inside a catch-all).</summary>
    public static IHttpModuleFactory* Create(CHttpModule.Vtbl* moduleVtbl)
    {
        var factory = Native.Allocate<FactoryObject>();
        factory->Base.lpVtbl = Native.Allocate<IHttpModuleFactory.Vtbl>();
        factory->Base.lpVtbl->GetHttpModule = &GetHttpModule;
        factory->Base.lpVtbl->Terminate = &Terminate;
        factory->ModuleVtbl = moduleVtbl;
        return (IHttpModuleFactory*)factory;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetHttpModule(IHttpModuleFactory* self, CHttpModule** ppModule, IModuleAllocator* pAllocator)
    {
        try
        {
            var module = Native.Allocate<CHttpModule>();
            module->lpVtbl = ((FactoryObject*)self)->ModuleVtbl;
            *ppModule = module;
            return 0;
        }
        catch
        {
            return E_OUTOFMEMORY;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void Terminate(IHttpModuleFactory* self)
    {
        NativeMemory.Free(self->lpVtbl);
        NativeMemory.Free(self);
    }
}
