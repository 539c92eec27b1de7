export const admin = {
  accountName: "Northwind Certificates",
  firstName: "Ada",
  lastName: "Admin",
  email: "ada@northwind.example",
  username: "ada.admin",
  password: "Northwind-Adm1n!",
};
export const adminState = "test-results/.auth/admin.json";
