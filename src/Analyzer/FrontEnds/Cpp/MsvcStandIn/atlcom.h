// Stand-in for ATL's atlcom.h: modules include it for the smart pointers of atlbase.h.
#pragma once
#include <atlbase.h>
