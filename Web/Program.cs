using VisionAspire.Web.Account;
using VisionAspire.Web.Api;
using VisionAspire.Web.Components;

var builder = WebApplication.CreateBuilder(args);

// The AppHost and the tests run the build output, not a publish: this serves blazor.web.js and app.css from it
// in every environment (a published app has no such manifest and this does nothing).
builder.WebHost.UseStaticWebAssets();

builder.AddServiceDefaults();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.AddVisionAccounts();
builder.AddVisionApi();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found");
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapSignOut();
app.MapApiMedia();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
