#pragma once

#define WIN32_LEAN_AND_MEAN
#define _ATL_CSTRING_EXPLICIT_CONSTRUCTORS
#include <windows.h>
#include <httpserv.h>

#include <atlbase.h>
#include <atlstr.h>
#include <atlcoll.h>
