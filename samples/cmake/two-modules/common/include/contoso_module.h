// Shared by every module of the tree: found through the top CMakeLists.txt's include_directories().
#pragma once
#define _WINSOCKAPI_
#include <windows.h>
#include <httpserv.h>
