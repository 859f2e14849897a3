using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Domain.Audit;

namespace Workflow.Infrastructure.Persistence;

internal sealed class AuditRunConfiguration : IEntityTypeConfiguration<AuditRun>
{
    public void Configure(EntityTypeBuilder<AuditRun> b)
    {
        b.ToTable("audit_runs");
        b.HasKey(r => r.Id);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.RequestedBy).HasMaxLength(64).IsRequired();
        b.Property(r => r.ClaimedBy).HasMaxLength(128);
        b.Property(r => r.Error).HasMaxLength(2000);
        // the last verified point, and the queue the servers claim from
        b.HasIndex(r => new { r.Status, r.Intact });
    }
}
