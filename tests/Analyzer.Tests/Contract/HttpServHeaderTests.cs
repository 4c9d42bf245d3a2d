using IisModuleValidator.Contract;

namespace IisModuleValidator.Tests.Contract;

/// <summary>IisContract, checked fact by fact against the real httpserv.h from the Microsoft.Windows.SDK.CPP package.</summary>
public sealed class HttpServHeaderTests
{
    private static readonly HttpServHeader Header = new(TestPaths.HttpServHeader);

    [Fact]
    public void Every_notification_bit_and_value_matches_the_header()
    {
        var expected = Header.BitDefines();
        var catalog = IisContract.RequestNotifications.Concat(IisContract.GlobalNotifications)
            .ToDictionary(notification => notification.Constant, notification => notification.Bit);
        Assert.Equal(expected.OrderBy(pair => pair.Key), catalog.OrderBy(pair => pair.Key));
        Assert.All(IisContract.RequestNotifications, notification => Assert.StartsWith("RQ_", notification.Constant));
        Assert.All(IisContract.GlobalNotifications, notification => Assert.StartsWith("GL_", notification.Constant));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Vtable_layout_matches_the_header(string className)
    {
        var layout = IisContract.AllLayouts.Single(layout => layout.ClassName == className);
        var declared = className == "IHttpModuleRegistrationInfo2"
            ? [.. Header.VirtualMethods("IHttpModuleRegistrationInfo"), .. Header.VirtualMethods(className)]
            : Header.VirtualMethods(className);

        Assert.Equal(declared.Count, layout.Slots.Count);
        for (var slot = 0; slot < declared.Count; slot++)
        {
            var (name, returnType, parameters, behavior) = declared[slot];
            var entry = layout.Slots[slot];
            Assert.Equal(slot, entry.Slot);
            Assert.Equal(name, entry.Name);
            Assert.Equal(returnType, entry.ReturnType);
            Assert.Equal(parameters, entry.ParameterTypes);
            Assert.Equal(behavior, entry.Default);
        }
    }

    public static TheoryData<string> Layouts() => new(IisContract.AllLayouts.Select(layout => layout.ClassName));

    [Fact]
    public void The_slot_counts_are_those_IIS_modules_are_built_against()
    {
        Assert.Equal(31, IisContract.CHttpModule.Slots.Count);
        Assert.Equal(17, IisContract.CGlobalModule.Slots.Count);
        Assert.Equal(13, IisContract.CGlobalModule.Get("Terminate").Slot);
        Assert.Equal(2, IisContract.IHttpModuleRegistrationInfo.Get("SetRequestNotifications").Slot);
        Assert.Equal(3, IisContract.IHttpModuleRegistrationInfo.Get("SetGlobalNotifications").Slot);
        Assert.Equal(4, IisContract.IHttpModuleRegistrationInfo.Get("SetPriorityForRequestNotification").Slot);
        Assert.Equal(5, IisContract.IHttpModuleRegistrationInfo.Get("SetPriorityForGlobalNotification").Slot);
    }

    [Fact]
    public void Handlers_named_by_notifications_exist_with_the_status_return_type()
    {
        foreach (var notification in IisContract.RequestNotifications)
        {
            foreach (var handler in new[] { notification.Handler, notification.PostHandler }.OfType<string>())
            {
                Assert.Equal("REQUEST_NOTIFICATION_STATUS", IisContract.CHttpModule.Get(handler).ReturnType);
            }
        }
        foreach (var notification in IisContract.GlobalNotifications)
        {
            Assert.Null(notification.PostHandler);
            Assert.Equal("GLOBAL_NOTIFICATION_STATUS", IisContract.CGlobalModule.Get(notification.Handler!).ReturnType);
        }
    }

    [Fact]
    public void Every_DebugBreak_default_is_the_handler_of_exactly_one_notification_except_OnAsyncCompletion()
    {
        var handlers = IisContract.RequestNotifications.Concat(IisContract.GlobalNotifications)
            .SelectMany(notification => new[] { notification.Handler, notification.PostHandler })
            .OfType<string>()
            .ToList();
        Assert.Equal(handlers.Count, handlers.Distinct().Count());
        var debugBreakDefaults = IisContract.CHttpModule.Slots.Concat(IisContract.CGlobalModule.Slots)
            .Where(slot => slot.Default == DefaultBehavior.DebugBreak)
            .Select(slot => slot.Name)
            .Where(name => name != "OnAsyncCompletion");
        Assert.Equal(debugBreakDefaults.Order(), handlers.Order());
    }

    [Fact]
    public void Handler_comments_in_CHttpModule_agree_with_the_bit_to_handler_mapping()
    {
        var commented = Header.CommentedHandlers("CHttpModule");
        Assert.NotEmpty(commented);
        foreach (var (constant, method) in commented)
        {
            Assert.Equal(IisContract.RequestNotifications.Single(notification => notification.Constant == constant).Handler, method);
        }
    }

    [Fact]
    public void Post_events_exist_for_exactly_the_deterministic_request_notifications()
    {
        var withoutPost = IisContract.RequestNotifications.Where(notification => notification.PostHandler is null).Select(notification => notification.Constant);
        Assert.Equal(
            ["RQ_CUSTOM_NOTIFICATION", "RQ_MAP_PATH", "RQ_READ_ENTITY", "RQ_SEND_RESPONSE", "RQ_SEND_RESPONSE_STATUS_AND_HEADERS"],
            withoutPost.Order());
        foreach (var notification in IisContract.RequestNotifications.Where(notification => notification.PostHandler is not null))
        {
            Assert.Equal("OnPost" + notification.Handler!["On".Length..], notification.PostHandler);
        }
    }

    [Fact]
    public void Status_enums_match_the_header()
    {
        Assert.Equal(Header.Enum("REQUEST_NOTIFICATION_STATUS"), IisContract.RequestNotificationStatus);
        Assert.Equal(Header.Enum("GLOBAL_NOTIFICATION_STATUS"), IisContract.GlobalNotificationStatus);
    }

    [Fact]
    public void Priority_aliases_match_the_header()
    {
        Assert.Equal(Header.PriorityAliases().OrderBy(pair => pair.Key), IisContract.PriorityAliases.OrderBy(pair => pair.Key));
    }

    [Fact]
    public void RegisterModule_signature_matches_PFN_REGISTERMODULE()
    {
        var text = File.ReadAllText(TestPaths.HttpServHeader);
        var typedef = System.Text.RegularExpressions.Regex.Match(text,
            @"typedef\s+HRESULT\s+\(WINAPI\s*\*\s*PFN_REGISTERMODULE\)\(([^)]*)\);");
        Assert.True(typedef.Success);
        var parameters = typedef.Groups[1].Value.Split(',')
            .Select(parameter => parameter.Replace("*", " * ").Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            .Select(tokens => string.Concat(tokens[..^1]))
            .ToList();
        Assert.Equal(IisContract.RegisterModuleSignature.ParameterTypes, parameters);
        Assert.Contains($"#define MODULE_REGISTERMODULE   \"{IisContract.RegisterModuleExportName}\"", text);
        Assert.Equal(IisContract.RegisterModuleX86ArgumentBytes, 4 * parameters.Count);
    }
}
