using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.ReturnValue;

/// <summary>IISM3002: a CGlobalModule handler returns something that is not a GLOBAL_NOTIFICATION_STATUS value.</summary>
public sealed class IISM3002GlobalHandlerReturnsInvalidStatus : StatusReturnRule
{
    public override string Id => RuleIds.GlobalHandlerReturnsInvalidStatus;

    protected override ModuleBase Base => ModuleBase.GlobalModule;

    protected override string StatusType => "GLOBAL_NOTIFICATION_STATUS";

    protected override IReadOnlyList<EnumConstant> ValidValues => IisContract.GlobalNotificationStatus;
}
