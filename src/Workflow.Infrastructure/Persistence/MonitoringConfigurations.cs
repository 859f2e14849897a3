using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Domain.Monitoring;

namespace Workflow.Infrastructure.Persistence;

internal sealed class PovertyCensusConfiguration : IEntityTypeConfiguration<PovertyCensus>
{
    public void Configure(EntityTypeBuilder<PovertyCensus> b)
    {
        b.ToTable("poverty_censuses");
        b.HasKey(c => c.Id);
        b.Property(c => c.UnitCode).HasMaxLength(64).IsRequired();
        b.Property(c => c.UnitName).HasMaxLength(256).IsRequired();
        b.Property(c => c.SubUnitCode).HasMaxLength(64);
        b.Property(c => c.Scope).HasMaxLength(64).IsRequired();
        b.Property(c => c.StandardCode).HasMaxLength(32).IsRequired();
        b.Property(c => c.Basis).HasMaxLength(500);
        b.Property(c => c.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.Property(c => c.Poor).AsJsonDocument();
        b.Property(c => c.NearPoor).AsJsonDocument();
        b.Property(c => c.Flows).AsJsonDocument();
        b.Property(c => c.Deprivations).AsJsonDocument();
        b.Property(c => c.StatedRates).AsJsonDocument();
        b.Property(c => c.Notes).AsJsonDocument();
        b.Ignore(c => c.PoorRate);
        b.Ignore(c => c.NearPoorRate);
        b.HasIndex(c => new { c.UnitCode, c.Year, c.Scope }).IsUnique();
    }
}

internal sealed class MonitoringTargetConfiguration : IEntityTypeConfiguration<MonitoringTarget>
{
    public void Configure(EntityTypeBuilder<MonitoringTarget> b)
    {
        b.ToTable("monitoring_targets");
        b.HasKey(t => t.Id);
        b.Property(t => t.UnitCode).HasMaxLength(64).IsRequired();
        b.Property(t => t.UnitName).HasMaxLength(256).IsRequired();
        b.Property(t => t.SubUnitCode).HasMaxLength(64);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.Subject).HasMaxLength(64).IsRequired();
        b.Property(t => t.Group).HasMaxLength(32);
        b.Property(t => t.Value).HasPrecision(18, 4).HasConversion(v => v, v => MonitoringTarget.WithoutTrailingZeros(v));
        b.Property(t => t.Of).HasPrecision(18, 4).HasConversion(v => v, v => v == null ? null : MonitoringTarget.WithoutTrailingZeros(v.Value));
        b.Property(t => t.Per).HasMaxLength(256);
        b.Property(t => t.Basis).HasMaxLength(500);
        b.Property(t => t.Text).HasMaxLength(1000);
        b.Property(t => t.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(t => t.Revision).IsConcurrencyToken();
        b.HasIndex(t => new { t.UnitCode, t.Year });
    }
}

internal sealed class SubUnitConfiguration : IEntityTypeConfiguration<MonitoringSubUnit>
{
    public void Configure(EntityTypeBuilder<MonitoringSubUnit> b)
    {
        b.ToTable("monitoring_sub_units");
        b.HasKey(s => new { s.UnitCode, s.Code });
        b.Property(s => s.UnitCode).HasMaxLength(64);
        b.Property(s => s.Code).HasMaxLength(64);
        b.Property(s => s.Name).HasMaxLength(256).IsRequired();
        b.Property(s => s.Kind).HasMaxLength(16);
    }
}

internal sealed class EscapedAfterSupportConfiguration : IEntityTypeConfiguration<Domain.Monitoring.Indicators.EscapedAfterSupport>
{
    public void Configure(EntityTypeBuilder<Domain.Monitoring.Indicators.EscapedAfterSupport> b)
    {
        b.ToTable("escaped_after_support");
        b.HasKey(e => new { e.ProposalId, e.ReviewYear });
        b.HasOne<Domain.Proposals.Proposal>().WithMany().HasForeignKey(e => e.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.UnitCode).HasMaxLength(64).IsRequired();
        b.Property(e => e.Component).HasMaxLength(16).IsRequired();
        b.Property(e => e.RecordedBy).HasMaxLength(256).IsRequired();
        // totals of a unit and fiscal year (OutputTotals)
        b.HasIndex(e => new { e.UnitCode, e.FiscalYear });
    }
}

internal sealed class DeclaredFundsConfiguration : IEntityTypeConfiguration<Domain.Monitoring.Indicators.DeclaredFunds>
{
    public void Configure(EntityTypeBuilder<Domain.Monitoring.Indicators.DeclaredFunds> b)
    {
        b.ToTable("declared_funds");
        b.HasKey(f => new { f.UnitCode, f.Year, f.Component });
        b.Property(f => f.UnitCode).HasMaxLength(64);
        b.Property(f => f.Component).HasMaxLength(16);
        b.Property(f => f.RecordedBy).HasMaxLength(256).IsRequired();
        b.Ignore(f => f.Total);
    }
}

internal sealed class MonitoringReportConfiguration : IEntityTypeConfiguration<Domain.Monitoring.Reports.MonitoringReport>
{
    public void Configure(EntityTypeBuilder<Domain.Monitoring.Reports.MonitoringReport> b)
    {
        b.ToTable("monitoring_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.UnitCode).HasMaxLength(64).IsRequired();
        b.Property(r => r.UnitName).HasMaxLength(256).IsRequired();
        b.Property(r => r.TemplateId).HasMaxLength(32).IsRequired();
        b.Property(r => r.Period).HasMaxLength(16).IsRequired();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Content).IsRequired();
        b.Property(r => r.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.SubmittedBy).HasMaxLength(256);
        b.Property(r => r.CorrectionReason).HasMaxLength(Domain.Monitoring.Reports.MonitoringReport.MaxReasonLength);
        b.HasOne<Domain.Monitoring.Reports.MonitoringReport>().WithMany().HasForeignKey(r => r.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.IsSubmitted);
        b.Ignore(r => r.ReportPeriod);
        // one version number per unit, template and period: two corrections of the same version cannot both be saved
        b.HasIndex(r => new { r.UnitCode, r.TemplateId, r.Period, r.Version }).IsUnique();
        b.HasIndex(r => new { r.TemplateId, r.Period, r.Status });
    }
}
