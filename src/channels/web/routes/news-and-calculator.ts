// The cabinet's information pages: the providers' news and contacts, and the calculator.
import type { FastifyInstance } from "fastify";
import type { CabinetOptions } from "../web-request.ts";
import { calculatorRoutes } from "./calculator.ts";
import { newsRoutes } from "./news.ts";

export async function newsAndCalculatorRoutes(app: FastifyInstance, opts: CabinetOptions) {
  await app.register(newsRoutes, opts);
  await app.register(calculatorRoutes, opts);
}
