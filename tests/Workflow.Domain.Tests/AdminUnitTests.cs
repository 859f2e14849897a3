using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;

namespace Workflow.Domain.Tests;

public class AdminUnitTests
{
    private static readonly AdminUnit Root = new(AdminUnit.NationalCode, "Việt Nam", AdminLevel.National, null);
    private static readonly AdminUnit Province = new("DN", "Tỉnh Đồng Nai", AdminLevel.Province, AdminUnit.NationalCode);
    private static readonly AdminUnit ClosedProvince = new("BP", "Tỉnh Bình Phước", AdminLevel.Province, AdminUnit.NationalCode, validTo: new(2025, 6, 30));

    private static IReadOnlyList<Violation> Violations(Action action) =>
        Assert.Throws<ValidationFailedException>(action).Violations;

    [Fact]
    public void Create_WhenCommuneUnderProvince_DefaultsToKindCommune()
    {
        var unit = AdminUnit.Create(" DN.A ", " Xã A ", AdminLevel.Commune, null, "DN", Province, new(2025, 7, 1), null);

        Assert.Equal(("DN.A", "Xã A", CommuneKind.Commune, "DN"), (unit.Code, unit.Name, unit.Kind, unit.ParentCode));
    }

    [Fact]
    public void Create_WhenProvinceUnderProvince_IsRefusedAtParentCode()
    {
        var violations = Violations(() => AdminUnit.Create("X", "Tỉnh X", AdminLevel.Province, null, "DN", Province, null, null));

        ViolationAssert.AssertBrokenPaths(violations, "parentCode");
    }

    [Fact]
    public void Create_WhenDistrictIsNotHistory_IsRefusedAtValidTo()
    {
        var violations = Violations(() => AdminUnit.Create("DN.H", "Huyện H", AdminLevel.District, null, "DN", Province, null, new(2025, 7, 1)));

        ViolationAssert.AssertBroken(violations, "validTo", "30/06/2025");
    }

    [Fact]
    public void Create_WhenParentClosedBeforeTheChildEnds_IsRefusedAtParentCode()
    {
        var violations = Violations(() => AdminUnit.Create("BP.N", "Xã N", AdminLevel.Commune, null, "BP", ClosedProvince, null, null));

        ViolationAssert.AssertBrokenPaths(violations, "parentCode");
    }

    [Fact]
    public void Create_WhenEverythingIsWrong_ReportsEveryFieldAtOnce()
    {
        var violations = Violations(() => AdminUnit.Create("mã có dấu", "a\nb", null, CommuneKind.Ward, null, null, new(2025, 2, 1), new(2025, 1, 1)));

        ViolationAssert.AssertBrokenPaths(violations, "code", "name", "level", "kind", "validTo");
    }

    [Fact]
    public void Rename_WhenNameHasControlCharacters_KeepsTheOldName()
    {
        var unit = new AdminUnit("DN.A", "Xã A", AdminLevel.Commune, "DN");

        Violations(() => unit.Rename("Xã\u0007B"));

        Assert.Equal("Xã A", unit.Name);
    }

    [Fact]
    public void Close_WhenMergedIntoAnOpenUnitOfTheSameLevel_RecordsTheSuccessor()
    {
        var unit = new AdminUnit("DN.A", "Xã A", AdminLevel.Commune, "DN");
        var successor = new AdminUnit("DN.B", "Xã B", AdminLevel.Commune, "DN");

        unit.Close(new(2025, 6, 30), successor, "DN.B");

        Assert.Equal((new DateOnly(2025, 6, 30), "DN.B"), (unit.ValidTo!.Value, unit.SuccessorCode));
        Assert.Throws<ConflictException>(() => unit.Close(new(2025, 12, 31), null));
    }

    [Fact]
    public void Close_WhenSuccessorIsOfAnotherLevelOrAlreadyClosed_IsRefusedAtSuccessorCode()
    {
        var unit = new AdminUnit("BP.HQ.MD", "Xã Minh Đức", AdminLevel.Commune, "BP.HQ");

        ViolationAssert.AssertBrokenPaths(Violations(() => unit.Close(new(2025, 6, 30), Province, "DN")), "successorCode");
        var closed = new AdminUnit("BP.HQ.MT", "Xã Minh Tâm", AdminLevel.Commune, "BP.HQ", validTo: new(2025, 6, 30));
        ViolationAssert.AssertBrokenPaths(Violations(() => unit.Close(new(2025, 6, 30), closed, "BP.HQ.MT")), "successorCode");
        Assert.Null(unit.ValidTo);
    }

    [Fact]
    public void Close_WhenNationalRoot_IsAConflict()
    {
        Assert.Throws<ConflictException>(() => Root.Close(new(2025, 6, 30), null));
    }

    [Fact]
    public void AssignmentCheck_WhenTreasuryBelongsToTheProvince_IsAllowedButApproverIsNot()
    {
        var commune = new AdminUnit("DN.A", "Xã A", AdminLevel.Commune, "DN");
        var treasury = new Agency("DN.KB", "Kho bạc khu vực", AgencyKind.Treasury, "DN");
        var committee = new Agency("DN.UB", "UBND tỉnh", AgencyKind.PeoplesCommittee, "DN");
        string[] ancestors = ["DN", AdminUnit.NationalCode];

        Assert.Null(UnitAssignment.Check(UnitPart.Treasury, "treasury", commune, "DN.KB", treasury, ancestors));
        Assert.NotNull(UnitAssignment.Check(UnitPart.Approver, "approver", commune, "DN.UB", committee, ancestors));
        Assert.NotNull(UnitAssignment.Check(UnitPart.Appraiser, "appraiser", commune, "DN.KB", treasury, ancestors));
    }
}
