// Not part of split-module.vcxproj (an old experiment left in the folder). It registers RQ_SEND_RESPONSE for
// CSplitModule, which has no OnSendResponse: if the validator analyzed this file it would report IISM2001.
#include "split_module.h"

HRESULT RegisterSendResponse(IHttpModuleRegistrationInfo* pModuleInfo)
{
    return pModuleInfo->SetRequestNotifications(new CSplitModuleFactory(), RQ_SEND_RESPONSE, 0);
}
