using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchTermsByMunicipality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_case_search_terms_Kind_Municipality_Term_CaseId",
                table: "case_search_terms",
                columns: new[] { "Kind", "Municipality", "Term", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_case_search_terms_Kind_Municipality_Term_CaseId",
                table: "case_search_terms");
        }
    }
}
