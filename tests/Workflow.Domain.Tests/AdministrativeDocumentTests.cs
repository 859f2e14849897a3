using Workflow.Domain.Catalog;
using Workflow.Domain.Documents;

namespace Workflow.Domain.Tests;

public class AdministrativeDocumentTests
{
    [Theory]
    [InlineData("Phó Chủ tịch UBND xã", true)]
    [InlineData("PHÓ CHỦ TỊCH", true)]
    [InlineData("Chủ tịch UBND xã", false)]
    [InlineData("", false)]
    public void Signature_WhenPositionGiven_DeputySignsForTheChairman(string position, bool deputy)
    {
        var block = AdministrativeDocument.Signature(position, "Nguyễn Văn A", "Nguyễn Văn A");

        Assert.Equal(deputy, block.SignedByDeputy);
        Assert.Equal(deputy ? ["KT. CHỦ TỊCH"] : [], block.AuthorityLines);
        Assert.Equal(deputy ? "PHÓ CHỦ TỊCH" : "CHỦ TỊCH", block.Title);
    }

    [Fact]
    public void Signature_WhenPositionBlank_ReadsTheTitleFromTheName()
    {
        Assert.True(AdministrativeDocument.Signature("", "Phó Chủ tịch UBND xã Tân Khai", "x").SignedByDeputy);
    }

    [Theory]
    [InlineData("125", "Số: 125/QĐ-UBND")]
    [InlineData("125/QĐ-UBND", "Số: 125/QĐ-UBND")]
    [InlineData("QĐ-2026-01", "Số: QĐ-2026-01/QĐ-UBND")]
    public void NumberAndSymbol_WhenNumberRecorded_AddsTheSymbolOnce(string number, string expected)
    {
        Assert.Equal(expected, AdministrativeDocument.NumberAndSymbol(number));
    }

    [Theory]
    [InlineData(2026, 3, 5, "Tân Khai, ngày 05 tháng 3 năm 2026")]
    [InlineData(2026, 2, 15, "Tân Khai, ngày 15 tháng 02 năm 2026")]
    [InlineData(2026, 11, 20, "Tân Khai, ngày 20 tháng 11 năm 2026")]
    public void PlaceAndDate_WhenDated_PadsSmallDaysAndFirstMonths(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, AdministrativeDocument.PlaceAndDate("Tân Khai", new DateOnly(year, month, day)));
    }

    [Fact]
    public void IssuingUnitLine_WhenCommuneNamed_WritesItInCapitals()
    {
        Assert.Equal("XÃ TÂN KHAI", AdministrativeDocument.IssuingUnitLine("Xã Tân Khai", AdminLevel.Commune, CommuneKind.Commune));
        Assert.Equal("PHƯỜNG BÌNH LONG", AdministrativeDocument.IssuingUnitLine("Bình Long", AdminLevel.Commune, CommuneKind.Ward));
        Assert.Equal("Tân Khai", AdministrativeDocument.PlaceName("Xã Tân Khai"));
    }
}
