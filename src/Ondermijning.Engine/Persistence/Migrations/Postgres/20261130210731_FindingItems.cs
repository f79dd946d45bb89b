using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FindingItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ItemId",
                table: "enrichment_findings",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ItemId",
                table: "enrichment_findings");
        }
    }
}
