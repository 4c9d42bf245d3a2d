// Force-included (-include) into g++-mingw-w64 builds of the samples: what the Windows SDK's httpserv.h and ahadmin.h
// need that mingw-w64's own headers (Debian's mingw-w64 11) lack. Real mingw-built IIS modules carry such a shim.
#pragma once

// ahadmin.h asks for MIDL 501's rpcndr.h; mingw-w64 ships version 475, which has all that ahadmin.h uses.
#define __REQUIRED_RPCNDR_H_VERSION__ 475

// A SAL annotation of newer SDKs; it only documents the return value.
#ifndef _Ret_opt_
#define _Ret_opt_
#endif

// The old SAL spelling of 'override' that Visual C++ code of the IIS 7 era uses (specstrings.h in the SDK).
#ifndef __override
#define __override
#endif

#ifdef __cplusplus
// IHttpRequest3::GetRequestProperty takes an HTTP_REQUEST_PROPERTY, which mingw-w64's http.h predates. Only the name
// is used, in a parameter of a method the samples never call.
typedef enum _HTTP_REQUEST_PROPERTY
{
    HttpRequestPropertyIsb
} HTTP_REQUEST_PROPERTY;
#endif
