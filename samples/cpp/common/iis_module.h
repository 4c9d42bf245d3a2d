// What every sample module includes: the real SDK headers, nothing of our own.
#pragma once
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <httpserv.h>
