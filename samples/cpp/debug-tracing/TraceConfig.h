// What the module registers, by configuration: Debug builds define MODULE_TRACING (see the project) and also trace
// each request's log entry. Nothing in the .cpp names MODULE_TRACING; only this header does.
#pragma once

#ifdef MODULE_TRACING
#define TRACE_MODULE_MASK (RQ_BEGIN_REQUEST | RQ_LOG_REQUEST)
#else
#define TRACE_MODULE_MASK RQ_BEGIN_REQUEST
#endif
