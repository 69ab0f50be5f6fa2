/** A vehicle and its owner, from the hand-over on. */
export type OwnedVehicle = {
  vehicleId: string;
  vin: string;
  orderId: string;
  customerUserId: string;
  modelLine: string;
  configurationCode: string;
  dealerOrgId: string;
  deliveredAt: Date;
};
