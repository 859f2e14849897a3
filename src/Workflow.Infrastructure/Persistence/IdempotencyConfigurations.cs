using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Infrastructure.Idempotency;

namespace Workflow.Infrastructure.Persistence;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_keys");
        // the key that decides, on every server at once, which of two requests with one key runs
        b.HasKey(k => new { k.UserId, k.Key });
        b.Property(k => k.Key).HasMaxLength(255);
        b.Property(k => k.RequestHash).HasMaxLength(64).IsRequired();
        b.Property(k => k.Location).HasMaxLength(2048);
        b.Property(k => k.ContentType).HasMaxLength(256);
        // the sweep of expired keys
        b.HasIndex(k => k.ExpiresAt);
    }
}
