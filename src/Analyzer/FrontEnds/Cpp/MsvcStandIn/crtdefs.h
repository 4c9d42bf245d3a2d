// Stand-in for the MSVC toolset's crtdefs.h: it only gathers the runtime's basic definitions.
#pragma once
#include <vcruntime.h>
#include <corecrt.h>
