// Stand-in for ATL's atlsimpstr.h: the simple strings are part of atlstr.h here.
#pragma once
#include <atlstr.h>
