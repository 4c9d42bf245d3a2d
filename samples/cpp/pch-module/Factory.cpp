// Factory.cpp : creates one module per request.
#include "stdafx.h"

HRESULT CHeaderRewriteModuleFactory::GetHttpModule(OUT CHttpModule** ppModule, IN IModuleAllocator* pAllocator)
{
    UNREFERENCED_PARAMETER(pAllocator);
    CHeaderRewriteModule* pModule = new CHeaderRewriteModule();
    if (pModule == NULL)
    {
        return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    *ppModule = pModule;
    return S_OK;
}

void CHeaderRewriteModuleFactory::Terminate()
{
    delete this;
}
