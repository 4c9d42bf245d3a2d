// Found only through target_include_directories(contoso-auth PRIVATE include).
#pragma once
constexpr DWORD kAuthNotifications = RQ_AUTHENTICATE_REQUEST | RQ_AUTHORIZE_REQUEST;
