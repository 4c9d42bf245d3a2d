// The allocation layer of an in-house module framework: a pool, a placement-new macro and a typed creator.
#pragma once
#include <new>

class FxPool
{
public:
    static void* Allocate(size_t size) { return ::operator new(size); }

    template <typename T>
    static T* Create() { return new (Allocate(sizeof(T))) T(); }
};

// Every object of the framework is made through its pool.
#define FX_NEW(Type) new (FxPool::Allocate(sizeof(Type))) Type

// Made in the framework's own library, which this project links but does not build: its class is not in sight.
IHttpModuleFactory* FxCreateAuthenticationFactory();
