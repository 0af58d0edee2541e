import { describe, expect, it } from "vitest";
import { limitAddress } from "./address";

describe("addresses for limits", () => {
  it("count a whole IPv6 /64 as one address, and IPv4 as it is", () => {
    expect(limitAddress("2001:db8:1:2:aaaa::1")).toBe("2001:0db8:0001:0002::/64");
    expect(limitAddress("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(limitAddress("2001:db8:1:2::9"));
    expect(limitAddress("2001:db8:1:3::1")).not.toBe(limitAddress("2001:db8:1:2::1"));
    expect(limitAddress("::1")).toBe("0000:0000:0000:0000::/64");
    expect(limitAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(limitAddress("unknown")).toBe("unknown");
  });
});
