using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.ReturnValue;

/// <summary>IISM3001: a CHttpModule handler returns something that is not a REQUEST_NOTIFICATION_STATUS value.</summary>
public sealed class IISM3001RequestHandlerReturnsInvalidStatus : StatusReturnRule
{
    public override string Id => RuleIds.RequestHandlerReturnsInvalidStatus;

    protected override ModuleBase Base => ModuleBase.HttpModule;

    protected override string StatusType => "REQUEST_NOTIFICATION_STATUS";

    protected override IReadOnlyList<EnumConstant> ValidValues => IisContract.RequestNotificationStatus;
}
