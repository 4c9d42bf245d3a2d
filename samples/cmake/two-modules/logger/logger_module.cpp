#include "logger_module.h"

REQUEST_NOTIFICATION_STATUS CLoggerModule::OnLogRequest(IHttpContext*, IHttpEventProvider*)
{
    return RQ_NOTIFICATION_CONTINUE;
}

REQUEST_NOTIFICATION_STATUS CLoggerModule::OnEndRequest(IHttpContext*, IHttpEventProvider*)
{
    return RQ_NOTIFICATION_CONTINUE;
}
