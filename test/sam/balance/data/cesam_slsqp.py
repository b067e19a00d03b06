"""An independent check of the CESAM worked example (GAMS Model Library SEQ=228): the same NLP —
coefficient cross entropy with delta 1e-5, account totals and GDP aggregates with five-point error
supports, negative cells moved to the transposed cell — written directly from the GAMS program's
equations and solved with scipy's SLSQP. Not digicge's code. Run with Debian's scipy:
/usr/bin/python3 cesam_slsqp.py > cesam_slsqp.json
"""
import json, sys
import numpy as np
from scipy.optimize import minimize
acc = ['ACT','COM','FAC','ENT','HOU','GRE','GIN','CAP','ROW']
ix = {a:i for i,a in enumerate(acc)}
cells = {('ACT','COM'):14827.424,('COM','ACT'):7917.504,('FAC','ACT'):9805.414,('ENT','FAC'):3699.706,('HOU','FAC'):6031.308,('HOU','ENT'):3417.506,
('GRE','ACT'):733.6,('GRE','COM'):357.4,('GRE','FAC'):74.4,('GRE','ENT'):165.2,('CAP','ENT'):150,('ROW','COM'):5573.815,
('ACT','HOU'):2101.049,('ACT','GRE'):-0.327,('COM','HOU'):6953.332,('COM','GRE'):1564.5,('COM','GIN'):2518.5,('COM','CAP'):2597.798,
('ENT','GRE'):33,('HOU','GRE'):29.6,('GRE','HOU'):139.5,('CAP','HOU'):649.156,('CAP','GRE'):-356.673,('CAP','GIN'):-406.2,
('ACT','ROW'):1488.157,('HOU','ROW'):209.501,('GIN','ROW'):1712.3,('CAP','ROW'):2163.857}
n=9
T0=np.zeros((n,n))
for (r,c),v in cells.items(): T0[ix[r],ix[c]]=v/1000
red=np.zeros((n,n))
for i in range(n):
  for j in range(n):
    if T0[i,j]<0: red[i,j]=T0[i,j]; red[j,i]=T0[i,j]
T1=T0-red
cs=T1.sum(0); rs=T1.sum(1)
Abar=T1/cs
target=(rs+cs)/2
gdpfc0=T1[ix['FAC'],ix['ACT']]
gdp0=T1[ix['FAC'],ix['ACT']]+T1[ix['GRE'],ix['ACT']]-T1[ix['ACT'],ix['GRE']]+T1[ix['GRE'],ix['COM']]
nz=[(i,j) for i in range(n) for j in range(n) if Abar[i,j]>0]
sig1=0.05*target; V1=np.outer(sig1,[-3,-1,0,1,3]); wb=np.array([1,27,16,27,1])/72
sig2=0.05*np.array([gdpfc0,gdp0]); V2=np.outer(sig2,[-3,-1,0,1,3])
eps=1e-5
na=len(nz)
def unpack(z):
  A=np.zeros((n,n))
  for k,(i,j) in enumerate(nz): A[i,j]=z[k]
  W1=z[na:na+45].reshape(9,5); W2=z[na+45:].reshape(2,5)
  return A,W1,W2
def obj(z):
  A,W1,W2=unpack(z)
  a=z[:na]; ab=np.array([Abar[i,j] for i,j in nz])
  f=np.sum(a*(np.log(a+eps)-np.log(ab+eps)))
  f+=np.sum(W1*(np.log(W1+eps)-np.log(wb+eps)))+np.sum(W2*(np.log(W2+eps)-np.log(wb+eps)))
  return f
def cons(z):
  A,W1,W2=unpack(z)
  x=target+(W1*V1).sum(1)
  e2=(W2*V2).sum(1)
  T=A*x[None,:]
  c=[]
  c+=list(A.sum(0)-1)
  for i in range(n):
    if acc[i]!='ROW': c.append(T[i].sum()-x[i])
  c+=list(W1.sum(1)-1); c+=list(W2.sum(1)-1)
  f,a_=ix['FAC'],ix['ACT']
  c.append(T[f,a_]+e2[0]-gdpfc0)
  c.append(T[f,a_]+T[ix['GRE'],a_]-T[a_,ix['GRE']]+T[ix['GRE'],ix['COM']]+e2[1]-gdp0)
  return np.array(c)
z0=np.concatenate([[Abar[i,j] for i,j in nz], np.tile(wb,9), np.tile(wb,2)])
res=minimize(obj,z0,constraints=[{'type':'eq','fun':cons}],bounds=[(0,1)]*len(z0),method='SLSQP',options={'ftol':1e-15,'maxiter':2000})
A,W1,W2=unpack(res.x)
x=target+(W1*V1).sum(1)
T=A*x[None,:]+red  # the negative cells put back, as CESAM does
json.dump({"objective":res.fun,"maxViolation":float(np.abs(cons(res.x)).max()),
  "cells":{f"{acc[i]},{acc[j]}":T[i,j]*1000 for i in range(n) for j in range(n) if T[i,j]!=0}},sys.stdout,indent=1)
