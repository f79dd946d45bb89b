using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DefinitionsLiveInTheDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Content",
                table: "workflow_versions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "PublishedAt",
                table: "workflow_versions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "workflow_versions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "workflow_versions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Published");

            migrationBuilder.AddColumn<string>(
                name: "WrittenBy",
                table: "workflow_versions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Every version recorded so far came from a file and was in force from when it was first seen.
            migrationBuilder.Sql("UPDATE workflow_versions SET \"PublishedAt\" = \"FirstSeenAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Content",
                table: "workflow_versions");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "workflow_versions");

            migrationBuilder.DropColumn(
                name: "PublishedBy",
                table: "workflow_versions");

            migrationBuilder.DropColumn(
                name: "State",
                table: "workflow_versions");

            migrationBuilder.DropColumn(
                name: "WrittenBy",
                table: "workflow_versions");
        }
    }
}
