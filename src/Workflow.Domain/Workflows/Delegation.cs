using Workflow.Domain.Common;
using Workflow.Domain.Identity;

namespace Workflow.Domain.Workflows;

/// <summary>
/// A user's tasks of one role handed to a substitute of the same agency for a range of days (ủy quyền): from
/// <see cref="From"/> to <see cref="To"/>, both included, Vietnam dates, the substitute sees the delegator's tasks of
/// that role and acts on them in the delegator's name ("B thay mặt A"). Revoked, it stops at once; it is never
/// deleted, so who stood in for whom stays readable.
/// </summary>
public sealed class Delegation
{
    private Delegation() { DelegatorUserName = DelegatorName = SubstituteUserName = SubstituteName = Role = AgencyCode = UnitCode = Reason = ""; }

    public Delegation(Guid id, Person delegator, Person substitute, string role, string agencyCode, string unitCode,
        DateOnly from, DateOnly to, string reason, DateTimeOffset createdAt)
    {
        Id = id;
        DelegatorId = delegator.Id;
        DelegatorUserName = delegator.UserName;
        DelegatorName = delegator.Name;
        SubstituteId = substitute.Id;
        SubstituteUserName = substitute.UserName;
        SubstituteName = substitute.Name;
        Role = role;
        AgencyCode = agencyCode;
        UnitCode = unitCode;
        From = from;
        To = to;
        Reason = reason.Trim();
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid DelegatorId { get; private set; }
    public string DelegatorUserName { get; private set; }

    /// <summary>Full name and position when the delegation was made, as the substitute's inbox shows it.</summary>
    public string DelegatorName { get; private set; }
    public Guid SubstituteId { get; private set; }
    public string SubstituteUserName { get; private set; }
    public string SubstituteName { get; private set; }
    public string Role { get; private set; }
    public string AgencyCode { get; private set; }
    public string UnitCode { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Whether the substitute may act for the delegator on <paramref name="day"/> (a Vietnam date).</summary>
    public bool IsInForceOn(DateOnly day) => !IsRevoked && From <= day && day <= To;

    public void Revoke(string by, DateTimeOffset at)
    {
        if (IsRevoked) throw new ConflictException($"Ủy quyền này đã được thu hồi lúc {RevokedAt!.Value.ToOffset(WorkingCalendar.VietnamOffset):HH:mm dd/MM/yyyy}.", "delegation.revoked");
        RevokedAt = at;
        RevokedBy = by;
    }

    /// <summary>Someone a delegation names: id, login name and full name with position.</summary>
    public sealed record Person(Guid Id, string UserName, string Name);
}

/// <summary>A person as a delegation's rules see them: who, in which agency and unit, holding which roles, active or not.</summary>
public sealed record DelegationParty(Guid Id, string UserName, string Name, string AgencyCode, string UnitCode, IReadOnlyList<string> Roles, bool IsActive);

/// <summary>What makes a delegation acceptable; each problem under the JSON path of the field at fault, in Vietnamese.</summary>
public static class DelegationRules
{
    /// <summary>The roles that act on dossiers: only tasks can be handed on, not the right to administer or to watch.</summary>
    public static readonly IReadOnlyList<string> DelegableRoles = [Roles.LeadAgency, Roles.FinanceOffice, Roles.Approver, Roles.Treasury];

    /// <summary>An absence longer than this is a change of post, for the administrator to make, not a delegation.</summary>
    public const int MaxDays = 90;

    public const int MaxReasonLength = 500;

    /// <param name="substitute">The person named as substitute, or null when no active-or-not user has that login name.</param>
    /// <param name="substituteName">The login name the request named, for the message when nobody has it.</param>
    /// <param name="today">Today in Vietnam: a delegation that has already ended is refused.</param>
    public static IReadOnlyList<Violation> Check(DelegationParty delegator, DelegationParty? substitute, string? substituteName,
        string? role, DateOnly? from, DateOnly? to, string? reason, DateOnly today)
    {
        var problems = new List<Violation>();
        if (string.IsNullOrWhiteSpace(role))
            problems.Add(new("role", "Chọn vai trò ủy quyền (role)."));
        else if (!DelegableRoles.Contains(role, StringComparer.Ordinal))
            problems.Add(new("role", $"Chỉ ủy quyền được vai trò xử lý hồ sơ ({string.Join(", ", DelegableRoles.Select(WorkflowRules.RoleName))}); '{role}' không phải vai trò đó."));
        else if (!delegator.Roles.Contains(role, StringComparer.Ordinal))
            problems.Add(new("role", $"Bạn không giữ vai trò {WorkflowRules.RoleName(role)} nên không ủy quyền vai trò này được."));

        if (string.IsNullOrWhiteSpace(substituteName))
            problems.Add(new("substitute", "Chọn người được ủy quyền (tên đăng nhập)."));
        else if (substitute is null)
            problems.Add(new("substitute", $"Không có người dùng '{substituteName.Trim()}'."));
        else if (substitute.Id == delegator.Id)
            problems.Add(new("substitute", "Không tự ủy quyền cho chính mình; chọn một người khác trong cơ quan."));
        else if (!substitute.IsActive)
            problems.Add(new("substitute", $"{substitute.Name} đang bị khóa tài khoản, không nhận ủy quyền được."));
        else if (substitute.AgencyCode != delegator.AgencyCode || substitute.UnitCode != delegator.UnitCode)
            problems.Add(new("substitute", $"{substitute.Name} không cùng cơ quan với bạn ({delegator.AgencyCode}); chỉ ủy quyền cho người cùng cơ quan."));

        if (from is null) problems.Add(new("from", "Nhập ngày bắt đầu ủy quyền (from)."));
        if (to is null) problems.Add(new("to", "Nhập ngày kết thúc ủy quyền (to)."));
        if (from is { } f && to is { } t)
        {
            if (t < f)
                problems.Add(new("to", $"Ngày kết thúc {t:dd/MM/yyyy} trước ngày bắt đầu {f:dd/MM/yyyy}."));
            else if (t < today)
                problems.Add(new("to", $"Ngày kết thúc {t:dd/MM/yyyy} đã qua (hôm nay {today:dd/MM/yyyy})."));
            else if (t.DayNumber - f.DayNumber + 1 > MaxDays)
                problems.Add(new("to", $"Ủy quyền dài {t.DayNumber - f.DayNumber + 1} ngày, quá {MaxDays} ngày; vắng lâu hơn thì đề nghị quản trị phân công lại."));
        }

        if (string.IsNullOrWhiteSpace(reason))
            problems.Add(new("reason", "Ghi lý do ủy quyền (ví dụ: nghỉ phép, đi công tác)."));
        else if (reason.Trim().Length > MaxReasonLength)
            problems.Add(new("reason", $"Lý do dài quá {MaxReasonLength} ký tự."));
        return problems;
    }
}
