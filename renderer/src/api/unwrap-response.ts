import { ApiCallError, type ApiOutput, type ApiResponse, type Method } from '../../../shared/api';

/** Returns the result of a successful call; turns an error envelope into an ApiCallError. */
export function unwrapResponse<M extends Method>(response: ApiResponse<M>): ApiOutput<M> {
  if (response.ok) return response.result;
  throw new ApiCallError(response.error.code, response.error.message);
}
