#include "stdafx.h"
#include "CacheStore.h"
#include <stdarg.h>
#include <stdio.h>

void TraceCache(const char* format, ...)
{
    char buffer[512];
    va_list arguments;
    va_start(arguments, format);
    _vsnprintf_s(buffer, sizeof(buffer), _TRUNCATE, format, arguments);
    va_end(arguments);
    OutputDebugStringA(buffer);
}
